/** A select's options, each value its own label; `any` first (the empty value) when given. */
export function Options({ values, any }: { values: readonly string[]; any?: string }) {
  return (
    <>
      {any !== undefined && <option value="">{any}</option>}
      {values.map((value) => (
        <option key={value} value={value}>
          {value}
        </option>
      ))}
    </>
  );
}
