// Pressing / anywhere on a page focuses the top bar's search box, unless a user is typing in a field.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof Element && (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))) return;
  const box = document.getElementById('top-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});
