#!/usr/bin/env bash
# Installs what the tests need besides npm packages: LibreOffice (the independent client every
# produced workbook is opened with), its Python bridge, poppler (PDF pages and text), and
# Chromium (the task pane's end-to-end tests drive it with playwright-core), and Carlito (Calibri's
# metric twin, which row heights are measured with).
# Debian/Ubuntu; does nothing when they are already there.
set -euo pipefail
need=""
command -v soffice >/dev/null || need="$need libreoffice-calc"
/usr/bin/python3 -c "import uno" 2>/dev/null || need="$need python3-uno"
command -v pdftotext >/dev/null || need="$need poppler-utils"
[ -x /usr/bin/chromium ] || need="$need chromium"
[ -d /usr/share/fonts/truetype/crosextra ] || need="$need fonts-crosextra-carlito"  # Calibri's metric twin: reports print as in Excel
[ -z "$need" ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing:$need" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need
