/** 前へ / 次へ between the pages of a list; `href` gives the URL of a page, keeping the search. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  return (
    <nav class="pager" aria-label="ページ">
      {page > 1 ? <a href={href(page - 1)}>« 前へ</a> : <span class="disabled">« 前へ</span>}
      <span>
        {page} / {pages}
      </span>
      {page < pages ? <a href={href(page + 1)}>次へ »</a> : <span class="disabled">次へ »</span>}
    </nav>
  );
}
