/* Handbokens sökning: Material for MkDocs' own search worker, with two Swedish additions.
 *
 * 1. Böjda former: Material keeps the typed word as a prefix ("budgeten*"), which never
 *    matches the stemmed index ("budget"). Each word of the query is stemmed with the
 *    Swedish stemmer first, so "budgeten", "styrgruppen" and "internkontrollen" find
 *    the pages about budget, styrgrupp and internkontroll.
 * 2. Utan å, ä, ö: every page is also indexed in a field spelt without diacritics, so
 *    "delarsbokslut" finds "delårsbokslut".
 *
 * It runs as a real worker on the published site and inside Material's iframe-worker
 * shim in the offline copy (where importScripts is asynchronous). MATERIAL_WORKER must
 * name the worker of the installed Material version; a test compares them.
 */
"use strict";
var MATERIAL_WORKER = "search.a7633da7.min.js";

(function () {
  var here = typeof document !== "undefined" ? document.querySelector("script[src]").src : self.location.href;
  var listeners = [];
  var addEventListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type === "message") listeners.push(listener);
    else addEventListener(type, listener, options);
  };
  var ready = Promise.resolve(importScripts(new URL(MATERIAL_WORKER, here).href)).then(function () {
    self.addEventListener = addEventListener;
  });

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function stem(word) {
    if (!self.lunr || !self.lunr.sv || word.length < 4) return word;
    return self.lunr.sv.stemmer(new self.lunr.Token(word.toLowerCase(), {})).toString();
  }

  function prepare(message) {
    if (message.type === 0) {
      var fields = message.data.config.fields;
      fields.folded_title = fields.title;  // weighed as title and text are
      fields.folded_text = fields.text;
      message.data.docs.forEach(function (doc) {
        doc.folded_title = fold(doc.title || "");
        doc.folded_text = fold((doc.text || "").replace(/<[^>]*>/g, " "));
      });
    } else if (message.type === 2 && typeof message.data === "string") {
      // Words only: operators (+ - * ~ ^) and field names (title:) stay as they are.
      message.data = message.data.replace(/[\p{L}\p{N}]+(?!:)/gu, stem);
    }
    return message;
  }

  addEventListener("message", function (event) {
    ready.then(function () {
      var data = prepare(event.data);
      listeners.forEach(function (listener) {
        listener({ data: data });
      });
    });
  });
})();
