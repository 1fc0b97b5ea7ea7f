// Updates the readability figure under a text area as the person types (ReadabilityFigure in
// src/platform/ui/readability.tsx). Without this script the server's figure for the saved text stays.
import { readability, readabilityBand } from './readability-core.js';

document.querySelectorAll('[data-readability-for]').forEach(function (figure) {
  var area = document.getElementById(figure.getAttribute('data-readability-for'));
  var score = figure.querySelector('[data-readability-score]');
  var band = figure.querySelector('[data-readability-band]');
  if (!area || !score || !band) return;
  var timer;
  var update = function () {
    var r = readability(area.value);
    score.textContent = r ? String(r.score) : '–';
    band.textContent = r ? figure.getAttribute('data-band-' + readabilityBand(r.score)) : figure.getAttribute('data-band-none');
    figure.setAttribute('data-score', r ? String(r.score) : '');
  };
  area.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
});
