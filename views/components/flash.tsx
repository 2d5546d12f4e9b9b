/** The one-line result of the last action ("…を保存しました。"), read out by screen readers. */
export function Flash({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div class="alert success" role="status">
      {message}
    </div>
  );
}
