// Inside an oEmbed iframe: tell the host page (WordPress's wp-embed.js) how tall the content is,
// with the secret WordPress put in the address (`#?secret=…`), and open links in the host's window.
const secret = /[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash)?.[1];

function send(message, value) {
  if (window.parent !== window) window.parent.postMessage({ message, value, secret }, '*');
}

const sendHeight = () => send('height', Math.ceil(document.body.getBoundingClientRect().height));

new ResizeObserver(sendHeight).observe(document.body);
// WordPress hides the frame until it hears from it, and Chrome runs no resize observer in a hidden
// cross-origin frame: say the height now and once loaded, without waiting for one.
sendHeight();
window.addEventListener('load', sendHeight);
// WordPress asks again when its page is ready.
window.addEventListener('message', (e) => {
  if (e.source === window.parent && e.data && e.data.message === 'ready' && e.data.secret === secret) sendHeight();
});

// The frame is sandboxed: a link followed inside it would replace the card. WordPress opens it for us.
document.addEventListener('click', (e) => {
  if (!secret || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.composedPath().find((n) => n instanceof HTMLAnchorElement && /^https?:$/.test(n.protocol));
  if (!a || a.hasAttribute('download')) return;
  e.preventDefault();
  send('link', a.href);
});
