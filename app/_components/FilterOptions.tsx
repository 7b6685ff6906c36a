/** The `<option>`s of a filter: "any" first (an empty value), then each choice (two may share a value). */
export function FilterOptions({
  any,
  choices,
}: {
  any: string;
  choices: { value: string; label: string }[];
}) {
  return (
    <>
      <option value="">{any}</option>
      {choices.map(({ value, label }) => (
        <option key={`${value} ${label}`} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
