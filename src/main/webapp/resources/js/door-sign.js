/*
 * The parties' door, sign page: a handwritten signature on a canvas (pointer events: finger,
 * stylus or mouse). Each stroke puts the drawing as a PNG data URL into the hidden field the
 * canvas names (data-target); "clear" empties both. No inline script (the pages' CSP allows only
 * scripts from 'self'): the pads are found on load and again after every ajax update, and a pad
 * re-rendered by an update shows the drawing its field still holds.
 */
(function () {
    'use strict';

    function field(pad) {
        return document.getElementById(pad.getAttribute('data-target'));
    }

    function init(pad) {
        if (pad.getAttribute('data-ready')) {
            return;
        }
        pad.setAttribute('data-ready', 'true');
        pad.width = Math.max(120, Math.round(pad.clientWidth || 340));
        pad.height = Math.max(60, Math.round(pad.clientHeight || 170));
        var ctx = pad.getContext('2d');
        ctx.lineWidth = 3;
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        ctx.strokeStyle = '#111';
        var kept = field(pad);
        if (kept && kept.value && kept.value.indexOf('data:image/png;base64,') === 0) {
            var img = new Image();
            img.onload = function () { ctx.drawImage(img, 0, 0); };
            img.src = kept.value;
        }
        var drawing = false;
        var last = null;

        function at(e) {
            var r = pad.getBoundingClientRect();
            return {x: (e.clientX - r.left) * pad.width / r.width, y: (e.clientY - r.top) * pad.height / r.height};
        }

        pad.addEventListener('pointerdown', function (e) {
            e.preventDefault();
            drawing = true;
            last = at(e);
            if (pad.setPointerCapture) {
                try { pad.setPointerCapture(e.pointerId); } catch (ignored) { /* synthetic pointers */ }
            }
            ctx.beginPath();
            ctx.arc(last.x, last.y, ctx.lineWidth / 2, 0, 2 * Math.PI);
            ctx.fillStyle = ctx.strokeStyle;
            ctx.fill();
        });
        pad.addEventListener('pointermove', function (e) {
            if (!drawing) {
                return;
            }
            e.preventDefault();
            var p = at(e);
            ctx.beginPath();
            ctx.moveTo(last.x, last.y);
            ctx.lineTo(p.x, p.y);
            ctx.stroke();
            last = p;
        });
        function end() {
            if (!drawing) {
                return;
            }
            drawing = false;
            var f = field(pad);
            if (f) {
                f.value = pad.toDataURL('image/png');
            }
        }
        pad.addEventListener('pointerup', end);
        pad.addEventListener('pointercancel', end);
        pad.addEventListener('pointerleave', end);
    }

    function initAll() {
        var pads = document.querySelectorAll('canvas.tl-sign-pad');
        for (var i = 0; i < pads.length; i++) {
            init(pads[i]);
        }
    }

    document.addEventListener('click', function (e) {
        var button = e.target.closest ? e.target.closest('.tl-sign-clear') : null;
        if (!button) {
            return;
        }
        e.preventDefault();
        var pad = document.getElementById(button.getAttribute('data-pad') || 'pad');
        if (pad) {
            pad.getContext('2d').clearRect(0, 0, pad.width, pad.height);
            var f = field(pad);
            if (f) {
                f.value = '';
            }
        }
    });

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', initAll);
    } else {
        initAll();
    }
    new MutationObserver(initAll).observe(document.documentElement, {childList: true, subtree: true});
}());
