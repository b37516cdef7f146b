// A Code 128 barcode of a card number, drawn as SVG so it prints sharply on any printer.
import JsBarcode from 'jsbarcode';
import { useEffect, useRef } from 'react';

export function Barcode({ value, label }: { value: string; label: string }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (ref.current) JsBarcode(ref.current, value, { format: 'CODE128', width: 2, height: 64, displayValue: true, fontSize: 18, margin: 8 });
  }, [value]);
  return <svg ref={ref} role="img" aria-label={label} data-barcode={value} />;
}
