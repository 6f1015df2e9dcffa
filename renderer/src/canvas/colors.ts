/** Each VM keeps one colour across the canvas, the outline and the address map. */
export const vmColor = (i: number) => `var(--vm-${i % 6})`;
