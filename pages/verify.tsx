import type { GetServerSideProps } from "next";
import Head from "next/head";
import { useTranslations } from "next-intl";
import { VerifyView } from "@/app/(public)/credentials/_components/VerifyView";
import type { VerifyViewProps } from "@/app/(public)/credentials/_components/VerifyView";
import { heldCredentialsView, verifyTarget } from "@/app/(public)/credentials/_lib/credential-page";
import { frameProps } from "@/app/_lib/pages-frame";
import type { FrameProps } from "@/app/_lib/pages-frame";
import { fromWire, toWire } from "@/app/_lib/wire";

/** No JavaScript at all: a plain GET form and its server-rendered answer. */
export const config = { unstable_runtimeJS: false };

/** The longest query read (a link with a 78-digit id fits many times over). */
const MAX_QUERY = 300;

type Props = FrameProps & { view: string };

/** /verify?q=…: a credential id or link goes to its page; an address lists what it holds. */
export const getServerSideProps: GetServerSideProps<Props> = async ({ req, query }) => {
  const q = typeof query.q === "string" ? query.q.slice(0, MAX_QUERY) : "";
  const target = q ? verifyTarget(q) : null;
  if (target?.kind === "credential") return { redirect: { destination: target.path, permanent: false } };
  const view: VerifyViewProps = {
    query: q,
    notRecognised: q !== "" && target === null,
    holder:
      target?.kind === "address"
        ? { address: target.address, answer: await heldCredentialsView(target.address) }
        : null,
  };
  return { props: { ...(await frameProps(req)), view: toWire(view) } };
};

export default function VerifyPage({ view }: Props) {
  const t = useTranslations("verify");
  return (
    <>
      <Head>
        <title>{`${t("title")} · Azora`}</title>
      </Head>
      <VerifyView {...fromWire<VerifyViewProps>(view)} />
    </>
  );
}
