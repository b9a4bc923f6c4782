export default function CsvImport(_props: {
  onApply: (tp: number[], lt: number[]) => void;
  onClose: () => void;
}) {
  return null;
}
