import type { ReactNode, TextareaHTMLAttributes } from "react";

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "value" | "onChange"> & {
  id: string;
  label: ReactNode;
  value: string;
  /** Gets the text, not the event. */
  onChange: (text: string) => void;
};

/** A labelled text of several lines (a note, a reason, a proposal's body), for wallet forms. */
export function TextArea({ id, label, value, onChange, rows = 3, ...rest }: TextAreaProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
    </>
  );
}
