/** The browser build of mammoth (a UMD bundle without types of its own): only what the page uses. */
declare module 'mammoth/mammoth.browser.js' {
  interface RawTextResult {
    value: string;
    messages: { type: string; message: string }[];
  }
  const mammoth: { extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<RawTextResult> };
  export default mammoth;
}
