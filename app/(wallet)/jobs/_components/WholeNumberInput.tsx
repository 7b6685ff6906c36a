"use client";
import { useState } from "react";

/** A whole number typed in a range: the text as typed, and the number when it is in range. */
export interface WholeNumber {
  text: string;
  setText: (text: string) => void;
  min: number;
  max: number;
  /** The number, or null while the text is not a whole number from min to max. */
  value: number | null;
}

export function useWholeNumber(initial: number, min: number, max: number): WholeNumber {
  const [text, setText] = useState(String(initial));
  const n = Number(text);
  return { text, setText, min, max, value: Number.isInteger(n) && n >= min && n <= max ? n : null };
}

/** The field of a useWholeNumber (days, a percent): the numeric keypad on phones, the range as hints. */
export function WholeNumberInput({ id, field }: { id: string; field: WholeNumber }) {
  return (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      min={field.min}
      max={field.max}
      value={field.text}
      onChange={(e) => field.setText(e.target.value)}
    />
  );
}
