// Årshjulet: knappar som visar och döljer en grupps ring, en rad som läser upp den punkt
// som har fokus eller pekaren, och ett streck för dagens datum. Utan JavaScript är bilden
// och listan under den kompletta; det här är bara en hjälp.
(function () {
  "use strict";

  var MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
    "september", "oktober", "november", "december"];
  var SVG = "http://www.w3.org/2000/svg";

  function titleOf(link) {
    var title = link.querySelector("title");
    return title ? title.textContent : "";
  }

  function announcer(figure) {
    var line = document.createElement("p");
    line.className = "hb-arshjul-vald";
    line.setAttribute("aria-live", "polite");
    figure.parentNode.insertBefore(line, figure.nextSibling);
    return line;
  }

  function filters(svg, figure, say) {
    var rings = Array.prototype.slice.call(svg.querySelectorAll("g[data-hb-ring]"));
    if (rings.length < 2) {
      return;
    }
    var bar = document.createElement("div");
    bar.className = "hb-arshjul-filter";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Visa eller dölj ringar i årshjulet");
    rings.forEach(function (ring) {
      var key = ring.getAttribute("data-hb-ring");
      var name = ring.getAttribute("data-hb-namn");
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("aria-pressed", "true");
      button.textContent = name;
      button.addEventListener("click", function () {
        var shown = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", shown ? "true" : "false");
        svg.querySelectorAll('[data-hb-ring="' + key + '"]').forEach(function (part) {
          part.classList.toggle("hb-dold", !shown);
        });
        say(name + (shown ? " visas." : " är dold."));
      });
      bar.appendChild(button);
    });
    figure.parentNode.insertBefore(bar, figure);
  }

  function highlight(svg, say) {
    var links = svg.querySelectorAll("a");
    Array.prototype.forEach.call(links, function (link) {
      function on() {
        link.classList.add("hb-aktiv");
        say(titleOf(link));
      }
      function off() {
        link.classList.remove("hb-aktiv");
      }
      link.addEventListener("focus", on);
      link.addEventListener("mouseenter", on);
      link.addEventListener("blur", off);
      link.addEventListener("mouseleave", off);
    });
  }

  // Computed here, in the reader's browser, never when the site is built.
  function today(svg) {
    var now = new Date();
    var year = svg.getAttribute("data-hb-ar");
    if (year && Number(year) !== now.getFullYear()) {
      return "";
    }
    var days = new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate();
    var angle = (now.getMonth() + (now.getDate() - 0.5) / days) * 30 * Math.PI / 180;
    var c = Number(svg.getAttribute("data-hb-mitt"));
    var r0 = Number(svg.getAttribute("data-hb-nav"));
    var r1 = Number(svg.getAttribute("data-hb-radie"));
    var line = document.createElementNS(SVG, "line");
    line.setAttribute("x1", c + r0 * Math.sin(angle));
    line.setAttribute("y1", c - r0 * Math.cos(angle));
    line.setAttribute("x2", c + r1 * Math.sin(angle));
    line.setAttribute("y2", c - r1 * Math.cos(angle));
    line.setAttribute("stroke", "#8a3b12");
    line.setAttribute("stroke-width", "3");
    line.setAttribute("stroke-dasharray", "8 4");
    line.setAttribute("class", "hb-arshjul__idag");
    line.setAttribute("aria-hidden", "true");
    svg.appendChild(line);
    return "Den streckade linjen från mitten visar dagens datum, " + now.getDate() + " " +
      MONTHS[now.getMonth()] + ".";
  }

  function setUp() {
    var svg = document.querySelector("svg.hb-arshjul");
    if (!svg) {
      return;
    }
    var figure = svg.closest("figure");
    var line = announcer(figure);
    var note = today(svg);
    line.textContent = note;
    function say(text) {
      line.textContent = text;
    }
    filters(svg, figure, say);
    highlight(svg, say);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
