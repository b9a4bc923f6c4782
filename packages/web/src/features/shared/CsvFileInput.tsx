import type { FieldControlProps } from './Inputs';

/**
 * A file picker for a tracker's CSV export (`plain`: text files too); a `Field` around it
 * passes its id and aria props through.
 */
export function CsvFileInput({
  onFile,
  plain = false,
  ...rest
}: {
  onFile: (file: File | undefined) => unknown;
  plain?: boolean;
} & FieldControlProps) {
  return (
    <input
      {...rest}
      type="file"
      accept={plain ? '.csv,text/csv,text/plain' : '.csv,text/csv'}
      onChange={(e) => void onFile(e.target.files?.[0])}
    />
  );
}
