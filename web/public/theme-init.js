// Runs before the first paint so a stored dark theme never flashes light (see src/app/theme.ts).
(function () {
  var stored = null;
  try { stored = localStorage.getItem('tributary.theme'); } catch (e) { /* storage disabled */ }
  var dark = stored === 'dark' || (stored !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
