// Checklistor: bockar som sparas i webbläsaren för varje möte för sig, en knapp för att
// rensa dem och en knapp för att skriva ut. Utan JavaScript fungerar sidan ändå; då syns
// inte knapparna och bockarna sparas inte.
(function () {
  "use strict";

  // The meeting a checklist is used for: ?mote=… in the address, else the first meeting on or
  // after today (the reader's clock, never the build's), else the first in the list.
  function chosenMeeting() {
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-hb-mote]"));
    if (!links.length) {
      return null;
    }
    var wanted = new URLSearchParams(window.location.search).get("mote");
    var found = links.filter(function (a) { return a.getAttribute("data-hb-mote") === wanted; })[0];
    if (!found) {
      var today = new Date().toISOString().slice(0, 10);
      found = links.filter(function (a) {
        var day = a.getAttribute("data-hb-datum");
        return day && day >= today;
      })[0] || links[0];
    }
    return found;
  }

  function showMeeting(meeting) {
    var line = document.querySelector("[data-hb-valt]");
    var name = document.querySelector("[data-hb-valt-mote]");
    if (!meeting || !line || !name) {
      return;
    }
    name.textContent = meeting.textContent;
    line.hidden = false;
    meeting.setAttribute("aria-current", "true");
    var key = meeting.getAttribute("data-hb-mote");
    var params = new URLSearchParams(window.location.search);
    if (params.get("mote") !== key) {
      params.set("mote", key);
      window.history.replaceState(null, "", window.location.pathname + "?" + params.toString() + window.location.hash);
    }
  }

  function storageKey(meeting) {
    var key = "handbok:bockar:" + window.location.pathname;
    return meeting ? key + ":" + meeting.getAttribute("data-hb-mote") : key;
  }

  function load(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "[]");
    } catch (error) {
      return [];
    }
  }

  function save(key, boxes) {
    var ticked = boxes.map(function (box) { return box.checked; });
    try {
      window.localStorage.setItem(key, JSON.stringify(ticked));
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
    var meeting = chosenMeeting();
    showMeeting(meeting);
    var key = storageKey(meeting);
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox]"));
    load(key).forEach(function (checked, index) {
      if (boxes[index]) {
        boxes[index].checked = Boolean(checked);
      }
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () { save(key, boxes); });
    });
    var clear = document.querySelector("[data-hb-rensa]");
    if (clear) {
      clear.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        window.localStorage.removeItem(key);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
