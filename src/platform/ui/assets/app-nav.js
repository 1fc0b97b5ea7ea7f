// The internal navigation's groups (platform/ui/app-nav.tsx) work as plain <details> without this
// script. With it: opening one group closes the others, Escape closes the open one (focus back on
// its name), and a click elsewhere on the page closes it.
(() => {
  const groups = () => [...document.querySelectorAll('.site-nav details[data-nav-group]')];
  for (const details of groups()) {
    details.addEventListener('toggle', () => {
      if (details.open) for (const other of groups()) if (other !== details) other.open = false;
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const open = groups().find((d) => d.open);
    if (!open) return;
    open.open = false;
    open.querySelector('summary')?.focus();
  });
  document.addEventListener('click', (event) => {
    for (const details of groups()) if (details.open && !details.contains(event.target)) details.open = false;
  });
})();
