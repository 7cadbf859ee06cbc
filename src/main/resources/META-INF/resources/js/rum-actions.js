/*
 * Datadog RUM custom actions for the moments that matter: add to cart and each checkout step. A form can
 * name its action with data-rum-action="add-to-cart" (and add context with data-rum-* attributes);
 * otherwise the form's action path decides. Does nothing when RUM is not on the page.
 */
(function () {
  'use strict';

  function actionFor(form) {
    var named = form.getAttribute('data-rum-action');
    if (named) {
      return named;
    }
    var path = (form.getAttribute('action') || '').split('?')[0];
    if (path === '/cart/add') {
      return 'add-to-cart';
    }
    if (path.indexOf('/checkout/') === 0) {
      return 'checkout-' + path.substring('/checkout/'.length).replace(/[^a-z-]/g, '');
    }
    return null;
  }

  function contextOf(form) {
    var context = {};
    Array.prototype.forEach.call(form.attributes, function (attribute) {
      if (attribute.name.indexOf('data-rum-') === 0 && attribute.name !== 'data-rum-action') {
        context[attribute.name.substring('data-rum-'.length)] = attribute.value;
      }
    });
    ['variant_id', 'quantity'].forEach(function (field) {
      if (form.elements && form.elements[field] && form.elements[field].value) {
        context[field] = form.elements[field].value;
      }
    });
    context.page = (document.body && document.body.getAttribute('data-page')) || 'other';
    return context;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || form.tagName !== 'FORM' || !window.DD_RUM || typeof window.DD_RUM.onReady !== 'function') {
      return;
    }
    var action = actionFor(form);
    if (action) {
      var context = contextOf(form);
      window.DD_RUM.onReady(function () {
        window.DD_RUM.addAction(action, context);
      });
    }
  }, true);
})();
