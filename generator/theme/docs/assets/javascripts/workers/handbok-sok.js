/* Handbokens sökning: Material for MkDocs' own search worker, with two Swedish additions.
 *
 * 1. Böjda former: Material keeps the typed word as a prefix ("budgeten*"), which never
 *    matches the stemmed index ("budget"). Each word of the query is stemmed with the
 *    Swedish stemmer first, so "budgeten", "styrgruppen" and "internkontrollen" find
 *    the pages about budget, styrgrupp and internkontroll.
 * 2. Utan å, ä, ö: every page is also indexed in a field spelt without diacritics, so
 *    "delarsbokslut" finds "delårsbokslut".
 *
 * 3. Ett index per samverkan: the page's own index (its cooperation's, by the page's first folder
 *    in ?index= of the worker's address, set by overrides/main.html; else the home index) is
 *    loaded with the first search, not on page load; the index Material fetches holds only the
 *    settings and the list of cooperations (generator/adapters/search_split.py writes them all).
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

  // The page's first folder; the offline shim appends "?<time>" to the worker's address after it.
  var folder = (new URL(here).searchParams.get("index") || "").split("?")[0];
  var page = null;  // the index this page searches: its cooperation's, or the home index
  var indexes = new URL("../../../search/", here);  // from assets/javascripts/workers/ to the site's root
  var deferred = null;  // Material's setup message (settings and options) while the page's index waits
  var loading = null;
  var indexed = null;  // called when Material's worker says READY: it sets up its index asynchronously
  var post = self.postMessage.bind(self);
  self.postMessage = function (message, transfer) {
    if (message && message.type === 1 && indexed) {
      indexed();
      indexed = null;
    }
    return post(message, transfer);
  };

  function dispatch(data) {
    listeners.forEach(function (listener) {
      listener({ data: data });
    });
  }

  function pageIndex() {
    if (!loading) {
      loading = Promise.resolve(importScripts(new URL(page + ".js", indexes).href)).then(function () {
        return new Promise(function (resolve) {
          indexed = resolve;  // a query sent before the index is built would find nothing
          var data = Object.assign({}, deferred.data, { docs: self.__handbokIndex.docs });
          dispatch(prepare({ type: 0, data: data }));
        });
      });
    }
    return loading;
  }

  addEventListener("message", function (event) {
    ready.then(function () {
      var message = event.data;
      if (message.type === 0) {
        // Settings only: ready at once; Material's worker gets the page's index with the first search.
        var sections = message.data.config.sections;
        deferred = sections && message.data.docs.length === 0 ? message : null;
        page = sections && sections.indexOf(folder) >= 0 ? folder : "hem";
        loading = null;
        if (deferred) return post({ type: 1 });
      }
      if (message.type === 2 && deferred) {
        return pageIndex().then(function () {
          dispatch(prepare(message));
        });
      }
      dispatch(prepare(message));
    });
  });
})();
