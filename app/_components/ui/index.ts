// The design system: one component per recurring idea, used by every page.
// Server-safe unless marked "use client" in its file. The transaction button lives with the
// wallet code (app/_wallet/TxButton.tsx) so public pages never load it.
export { Address } from "./Address";
export { Amount } from "./Amount";
export { Card } from "./Card";
export { CopyButton } from "./CopyButton";
export { DataTable } from "./DataTable";
export type { Column } from "./DataTable";
export { DateTime } from "./DateTime";
export { EmptyState } from "./EmptyState";
export { ErrorState } from "./ErrorState";
export { AddressBookProvider } from "./KnownAccounts";
export type { AddressBook } from "./KnownAccounts";
export { ListState } from "./ListState";
export { Loading } from "./Loading";
export { PageHeader } from "./PageHeader";
export { StatusBadge } from "./StatusBadge";
export { TextArea } from "./TextArea";
export { VerifierLink } from "./VerifierLink";
export type { Tone } from "./StatusBadge";
