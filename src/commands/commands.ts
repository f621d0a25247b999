/* global Office */
// The ribbon's function file. The manifest's only button opens the task pane, which needs
// no function here; Office still requires the file to load and call Office.onReady.
Office.onReady(() => undefined);
