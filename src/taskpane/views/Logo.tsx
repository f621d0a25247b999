/** The add-in's icon beside its name (decorative: the name is in the heading beside it). */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <img
      src="assets/icon-32.png"
      srcSet="assets/icon-64.png 2x"
      width={size}
      height={size}
      alt=""
      style={{ flexShrink: 0 }}
    />
  );
}
