/** The element at `index`; a test that reads past the end fails naming the index and the length. */
export function at<T>(list: readonly T[], index: number): T {
  const element = list[index];
  if (element === undefined) throw new Error(`expected an element at ${index}, got ${list.length}`);
  return element;
}
