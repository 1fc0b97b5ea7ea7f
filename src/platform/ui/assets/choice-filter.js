// Filters long checkbox lists (ChoiceList in src/platform/ui/form.tsx) as the person types.
// The list works without this script; the script only reveals the filter field and drives it.
(function () {
  'use strict';
  var fold = function (s) {
    return s.toLocaleLowerCase('de-DE').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  };
  document.querySelectorAll('[data-choice-filter]').forEach(function (list) {
    var box = list.querySelector('.choice-filter');
    var input = box && box.querySelector('input');
    var count = box && box.querySelector('[data-choice-count]');
    if (!input) return;
    box.hidden = false;
    var items = Array.prototype.slice.call(list.querySelectorAll('.kern-form-check'));
    var update = function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var text = fold(item.textContent || '');
        var checked = item.querySelector('input').checked;
        // A chosen option stays visible, so nobody loses sight of what the form will send.
        var match = checked || words.every(function (w) { return text.indexOf(w) !== -1; });
        item.hidden = !match;
        if (match) shown++;
      });
      list.querySelectorAll('.choice-list__group').forEach(function (group) {
        group.hidden = !group.querySelector('.kern-form-check:not([hidden])');
      });
      if (count) {
        var template = words.length ? list.getAttribute('data-count-text') : '';
        count.textContent = template ? template.replace('{shown}', String(shown)).replace('{total}', String(items.length)) : '';
      }
    };
    input.addEventListener('input', update);
    // Enter in the filter must not submit the whole form.
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') e.preventDefault();
    });
  });
})();
