// The end-user pages' stylesheet, served at /assets/pages.css (kept in code so the bundle carries it).
export const PAGES_CSS = `/* The end-user pages (activation, password reset, email verification): plain, legible, usable by keyboard. */
:root { color-scheme: light dark; --accent: #2657c1; --error: #b3261e; --ok: #1b6e3a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: #f4f5f7; color: #1c1e21; }
@media (prefers-color-scheme: dark) { body { background: #16181c; color: #e6e6e6; } .card { background: #202328 !important; } }
.card { max-width: 26rem; margin: 8vh auto; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
input { width: 100%; padding: .6rem; font: inherit; border: 1px solid #8a8f98; border-radius: 4px; }
input:focus, button:focus, a:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
button { margin-top: 1.25rem; width: 100%; padding: .7rem; font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 4px; cursor: pointer; }
.hint { margin: .25rem 0 0; font-size: .9rem; color: #5f6368; }
.message { padding: .75rem 1rem; border-radius: 4px; margin-bottom: 1rem; }
.message p { margin: 0; }
.message ul { margin: .5rem 0 0; padding-left: 1.2rem; }
.error { background: #fce8e6; color: var(--error); }
.success { background: #e6f4ea; color: var(--ok); }
.info { background: #e8f0fe; color: #174ea6; }
a { color: var(--accent); }
`;
