// Checklistor: bockar som sparas i webbläsaren för sidan, en knapp för att rensa
// dem och en knapp för att skriva ut. Utan JavaScript fungerar sidan ändå; då syns
// inte knapparna och bockarna sparas inte.
(function () {
  "use strict";

  function storageKey() {
    return "handbok:bockar:" + window.location.pathname;
  }

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey()) || "[]");
    } catch (error) {
      return [];
    }
  }

  function save(boxes) {
    var ticked = boxes.map(function (box) { return box.checked; });
    try {
      window.localStorage.setItem(storageKey(), JSON.stringify(ticked));
    } catch (error) {
      /* Privat läge eller full lagring: bockarna sparas inte, men fungerar. */
    }
  }

  function setUp() {
    var list = document.querySelector("[data-hb-checklista]");
    var buttons = document.querySelector(".hb-knappar");
    if (buttons) {
      buttons.hidden = false;
    }
    var print = document.querySelector("[data-hb-skriv-ut]");
    if (print) {
      print.addEventListener("click", function () { window.print(); });
    }
    if (!list) {
      return;
    }
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox]"));
    load().forEach(function (checked, index) {
      if (boxes[index]) {
        boxes[index].checked = Boolean(checked);
      }
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () { save(boxes); });
    });
    var clear = document.querySelector("[data-hb-rensa]");
    if (clear) {
      clear.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        window.localStorage.removeItem(storageKey());
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
