export function ErrorMessage({ title, message, back = true }: { title: string; message: string; back?: boolean }) {
  return (
    <section class="panel">
      <h1>{title}</h1>
      <p>{message}</p>
      {back && (
        <p>
          <a href="/">ホームへ戻る</a>
        </p>
      )}
    </section>
  );
}
