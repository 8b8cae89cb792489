// Copies text to the clipboard; without permission (or on an insecure origin) it shows the text selected instead,
// so Ctrl+C copies it. Explore's share bar and the saved views page both copy links with it.
export async function copyText(text: string, fallback: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback.hidden = false;
    fallback.focus();
    fallback.select();
    return false;
  }
}
