import { Button, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
});

/** The blank programme workbook (every input sheet as a table with headers and drop-downs), to download. */
export function TemplateOffer({ get }: { get: () => Promise<{ name: string; url: string }> }) {
  const styles = useStyles();
  const [file, setFile] = useState<{ name: string; url: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className={styles.root}>
      <Caption1>Starting a new programme? Fill in the blank template and open it here.</Caption1>
      {file ? (
        <Link href={file.url} download={file.name}>
          Download {file.name}
        </Link>
      ) : (
        <Button
          disabled={busy}
          onClick={async () => (setBusy(true), setFile(await get().finally(() => setBusy(false))))}
        >
          Get the blank template
        </Button>
      )}
    </div>
  );
}
