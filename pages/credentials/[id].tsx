import type { GetServerSideProps } from "next";
import Head from "next/head";
import { useTranslations } from "next-intl";
import { CredentialView, credentialTitle } from "@/app/(public)/credentials/_components/CredentialView";
import { credentialPage } from "@/app/(public)/credentials/_lib/credential-page";
import type { CredentialPageView } from "@/app/(public)/credentials/_lib/credential-page";
import { frameProps, headerReader } from "@/app/_lib/pages-frame";
import type { FrameProps } from "@/app/_lib/pages-frame";
import { fromWire, toWire } from "@/app/_lib/wire";

/** No JavaScript at all: the page is its server-rendered HTML (and the 120 kB budget is 0 kB). */
export const config = { unstable_runtimeJS: false };

type Props = FrameProps & { view: string };

/** A credential's public page, read from the chain on every request; 400, 404 or 503 when no verdict. */
export const getServerSideProps: GetServerSideProps<Props, { id: string }> = async ({ req, res, params }) => {
  const { status, view } = await credentialPage(params?.id ?? "", headerReader(req));
  res.statusCode = status;
  res.setHeader("cache-control", "no-store");
  return { props: { ...(await frameProps(req)), view: toWire(view) } };
};

export default function CredentialPage({ view: wire }: Props) {
  const t = useTranslations("credentials");
  const view = fromWire<CredentialPageView>(wire);
  return (
    <>
      <Head>
        <title>{`${credentialTitle(view, t)} · Azora`}</title>
        <meta name="robots" content="noindex" />
        {view.kind === "found" && (
          <>
            <meta property="og:title" content={credentialTitle(view, t)} />
            <meta property="og:url" content={view.url} />
            <meta property="og:image" content={`${view.url}/preview.png`} />
            <meta property="og:image:width" content="1200" />
            <meta property="og:image:height" content="630" />
            <meta name="twitter:card" content="summary_large_image" />
          </>
        )}
      </Head>
      <CredentialView view={view} />
    </>
  );
}
