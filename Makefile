# Developer conveniences. The tests and CI do not need make: see README and .ci/run.

PYTHON   ?= python3
AUDIT    ?= $(PYTHON) -c "from scanner.cli import main; main()"
CHROMIUM ?= chromium
DEMO_OUT ?= build/demo-report
SHOT     ?= docs/report-screenshot.png

.PHONY: help demo screenshot

help:
	@echo "make demo        write the demo report to $(DEMO_OUT)/"
	@echo "make screenshot  render the demo report and screenshot its first page to $(SHOT)"
	@echo "                 (needs Chromium: apt-get install chromium)"

demo:
	rm -rf $(DEMO_OUT)
	$(AUDIT) demo --out $(DEMO_OUT) --format html --format json

screenshot: demo
	@command -v $(CHROMIUM) >/dev/null || { echo "Chromium not found: apt-get install chromium (or set CHROMIUM=...)"; exit 1; }
	mkdir -p $(dir $(SHOT))
	profile=$$(mktemp -d) && \
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --disable-quic --hide-scrollbars --user-data-dir="$$profile" \
		--window-size=1200,1500 --screenshot="$(abspath $(SHOT))" \
		"file://$(abspath $(DEMO_OUT))/boundary-audit-report.html" 2>/dev/null; \
	status=$$?; rm -rf "$$profile"; test $$status -eq 0 && test -s $(SHOT) && echo "Screenshot written: $(SHOT)"
