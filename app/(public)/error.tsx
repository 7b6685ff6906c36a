"use client";
// A page of this group threw while rendering: the header and navigation stay.
export { PageError as default } from "@/app/_components/PageError";
