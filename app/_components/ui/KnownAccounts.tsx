"use client";
import { createContext, useContext } from "react";
import type { ReactNode } from "react";

/**
 * What every <Address> needs, resolved on the server in the reader's language: the display name
 * of each known account (keyed by lowercase address) and the copy button's words. Handing over
 * strings keeps public pages free of client-side translation code.
 */
export interface AddressBook {
  names: Record<string, string>;
  copyLabel: string;
  copiedLabel: string;
}

const AddressBookContext = createContext<AddressBook>({
  names: {},
  copyLabel: "Copy",
  copiedLabel: "Copied",
});

/** Set once by the root layout. */
export function AddressBookProvider({ book, children }: { book: AddressBook; children: ReactNode }) {
  return <AddressBookContext value={book}>{children}</AddressBookContext>;
}

export function useAddressBook(): AddressBook {
  return useContext(AddressBookContext);
}
