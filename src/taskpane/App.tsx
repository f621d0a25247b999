import { FluentProvider, Title3, Body1, webLightTheme, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { FileCheck } from "./FileCheck";
import { detectHost, type HostKind } from "./host";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: "280px" },
});

export function App() {
  const styles = useStyles();
  const [host, setHost] = useState<HostKind>("detecting");
  useEffect(() => {
    detectHost().then(setHost);
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title3 as="h1">PMO Highlights</Title3>
        {host === "excel" ? (
          <Body1>Checking the open workbook from inside Excel is not built yet. Meanwhile, save the workbook and check the file below.</Body1>
        ) : host === "browser" ? (
          <Body1>Check a programme workbook on this computer. Nothing leaves your machine.</Body1>
        ) : null}
        {host !== "detecting" && <FileCheck />}
      </main>
    </FluentProvider>
  );
}
