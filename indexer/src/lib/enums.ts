import { enumLabel } from "../../../protocol/enums";

/**
 * The label of Solidity enum value `value` (protocol/enums.ts) as a column of schema enum
 * `column` stores it ("review_timeout"); throws on a value the column cannot hold.
 */
export function labelFor<Label extends string>(
  column: { enumName: string; enumValues: readonly Label[] },
  values: Readonly<Record<string, number>>,
  value: number,
): Label {
  const label = enumLabel(values, value);
  const known = column.enumValues.find((allowed) => allowed === label);
  if (known === undefined) throw new Error(`${column.enumName} cannot hold ${label} (value ${value})`);
  return known;
}
