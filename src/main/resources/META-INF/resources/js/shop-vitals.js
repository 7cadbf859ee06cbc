/*
 * Reports web vitals (LCP, INP, CLS, FCP, TTFB) of this page to the shop's own beacon endpoint, so ops see
 * them in Prometheus without Datadog. The page template comes from <body data-page="...">.
 * Batches what the web-vitals library reported and sends it when the page is hidden or left.
 */
(function () {
  'use strict';
  if (!window.webVitals || !document.body) {
    return;
  }
  var endpoint = '/rum/vitals';
  var page = document.body.getAttribute('data-page') || 'other';
  var pending = {};

  function queue(metric) {
    pending[metric.name] = { name: metric.name, value: Math.round(metric.value * 1000) / 1000 };
  }

  function flush() {
    var metrics = Object.keys(pending).map(function (name) { return pending[name]; });
    if (metrics.length === 0) {
      return;
    }
    pending = {};
    var body = JSON.stringify({ page: page, metrics: metrics });
    var sent = false;
    if (navigator.sendBeacon) {
      // A string goes as text/plain: a "simple" request, never preflighted, accepted by /rum/vitals.
      sent = navigator.sendBeacon(endpoint, body);
    }
    if (!sent && window.fetch) {
      fetch(endpoint, { method: 'POST', body: body, keepalive: true, headers: { 'Content-Type': 'application/json' } });
    }
  }

  window.webVitals.onLCP(queue);
  window.webVitals.onINP(queue);
  window.webVitals.onCLS(queue);
  window.webVitals.onFCP(queue);
  window.webVitals.onTTFB(queue);

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      flush();
    }
  });
  window.addEventListener('pagehide', flush);
})();
