// Copies text to the clipboard; without permission (or on an insecure origin) it shows the text selected instead,
// so Ctrl+C copies it. The same fallback as Explore's share bar.
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
