// svg-to-pdfkit ships no types: its one function draws an SVG string into a PDFKit document.
declare module 'svg-to-pdfkit' {
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: {
      width?: number;
      height?: number;
      preserveAspectRatio?: string;
      /** The PDFKit font name for an SVG font family (else the standard fonts by name). */
      fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    },
  ): void;
}
