/** Sizes for user-facing messages: "512 KB", "64 MB". */
export function formatBytes(n: number): string {
  return n < 1_048_576 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${Math.round(n / 1_048_576)} MB`;
}
