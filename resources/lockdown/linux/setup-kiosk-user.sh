#!/usr/bin/env bash
# Linux lockdown for a commune kiosk PC (Ubuntu / Debian). Run as root, once per PC or in the image:
#   sudo bash setup-kiosk-user.sh            apply (safe to run again: every step checks first)
#   sudo bash setup-kiosk-user.sh --undo     remove the autologin, session and unit (keeps the user and its data)
# What it changes:
#   - creates the user `kiosk` (no password, no sudo) whose data folder is ~kiosk/.local/share/commune-kiosk
#   - installs /usr/local/bin/commune-kiosk-{session,launch} and the session /usr/share/xsessions/commune-kiosk.desktop
#     (and /usr/share/wayland-sessions/ when cage is installed)
#   - autologin of `kiosk` into that session: LightDM (/etc/lightdm/lightdm.conf.d/50-commune-kiosk.conf)
#     or GDM (/etc/gdm3/custom.conf, the [daemon] keys AutomaticLoginEnable/AutomaticLogin; a copy is kept as custom.conf.kiosk-bak)
#   - the systemd user unit ~kiosk/.config/systemd/user/commune-kiosk.service (Restart=always), enabled
#   - lingering for `kiosk`, so its user manager starts at boot
# It does not touch other users, the network, or the kiosk's data.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
user=kiosk
session=commune-kiosk
lightdm_conf=/etc/lightdm/lightdm.conf.d/50-commune-kiosk.conf
gdm_conf=/etc/gdm3/custom.conf

if [[ $EUID -ne 0 ]]; then
  echo "Hãy chạy bằng quyền root: sudo bash $0 ${1:-}" >&2
  exit 1
fi

user_home() { getent passwd "$user" | cut -d: -f6; }

install_file() { # source target mode: copies only when the content differs
  if ! cmp -s "$1" "$2"; then
    install -D -m "$3" "$1" "$2"
    echo "  đã ghi $2"
  fi
}

undo() {
  echo "Gỡ khóa kiosk (giữ người dùng $user và dữ liệu)…"
  rm -f "$lightdm_conf" /usr/share/xsessions/$session.desktop /usr/share/wayland-sessions/$session.desktop
  if [[ -f $gdm_conf.kiosk-bak ]]; then
    mv "$gdm_conf.kiosk-bak" "$gdm_conf"
  fi
  if id "$user" >/dev/null 2>&1; then
    home="$(user_home)"
    rm -f "$home/.config/systemd/user/$session.service" "$home/.config/systemd/user/graphical-session.target.wants/$session.service"
    loginctl disable-linger "$user" 2>/dev/null || true
  fi
  rm -f /usr/local/bin/commune-kiosk-session /usr/local/bin/commune-kiosk-launch
  echo "Xong. Khởi động lại máy để đăng nhập bình thường. Xóa hẳn người dùng: sudo deluser --remove-home $user"
}

apply() {
  echo "1. Người dùng $user"
  if ! id "$user" >/dev/null 2>&1; then
    useradd --create-home --shell /bin/bash --comment "Kiosk phong doc xa" "$user"
    passwd --delete "$user" >/dev/null
  fi
  # Printing, scanners (HID) and sound need these groups when they exist.
  for group in lp lpadmin plugdev audio video input; do
    if getent group "$group" >/dev/null; then usermod -a -G "$group" "$user"; fi
  done

  echo "2. Phiên đăng nhập chỉ chạy kiosk"
  install_file "$here/kiosk-session.sh" /usr/local/bin/commune-kiosk-session 0755
  install_file "$here/commune-kiosk-launch.sh" /usr/local/bin/commune-kiosk-launch 0755
  install_file "$here/$session.desktop" /usr/share/xsessions/$session.desktop 0644
  if command -v cage >/dev/null 2>&1; then
    install_file "$here/$session.desktop" /usr/share/wayland-sessions/$session.desktop 0644
  fi

  echo "3. Tự đăng nhập"
  if [[ -d /etc/lightdm ]]; then
    tmp="$(mktemp)"
    printf '[Seat:*]\nautologin-user=%s\nautologin-user-timeout=0\nautologin-session=%s\nuser-session=%s\n' "$user" "$session" "$session" >"$tmp"
    install_file "$tmp" "$lightdm_conf" 0644
    rm -f "$tmp"
  fi
  if [[ -f $gdm_conf ]]; then
    [[ -f $gdm_conf.kiosk-bak ]] || cp "$gdm_conf" "$gdm_conf.kiosk-bak"
    set_gdm_key AutomaticLoginEnable true
    set_gdm_key AutomaticLogin "$user"
    # GDM picks the session from AccountsService.
    mkdir -p /var/lib/AccountsService/users
    printf '[User]\nSession=%s\nXSession=%s\nSystemAccount=false\n' "$session" "$session" >/var/lib/AccountsService/users/$user
  fi
  if [[ ! -d /etc/lightdm && ! -f $gdm_conf ]]; then
    echo "  Không thấy LightDM hay GDM: hãy cài lightdm (sudo apt-get install lightdm) rồi chạy lại." >&2
  fi

  echo "4. Dịch vụ systemd của người dùng $user (Restart=always)"
  home="$(user_home)"
  install_file "$here/$session.service" "$home/.config/systemd/user/$session.service" 0644
  mkdir -p "$home/.config/systemd/user/graphical-session.target.wants"
  ln -sfn "../$session.service" "$home/.config/systemd/user/graphical-session.target.wants/$session.service"
  chown -R "$user:$user" "$home/.config"
  loginctl enable-linger "$user" 2>/dev/null || true

  echo "Xong. Khởi động lại máy: kiosk sẽ tự mở. Gỡ: sudo bash $0 --undo"
}

set_gdm_key() { # key value: sets KEY=VALUE under [daemon], adding the section when missing
  if ! grep -q '^\[daemon\]' "$gdm_conf"; then printf '\n[daemon]\n' >>"$gdm_conf"; fi
  if grep -Eq "^#?\s*$1\s*=" "$gdm_conf"; then
    sed -i -E "s|^#?\s*$1\s*=.*|$1=$2|" "$gdm_conf"
  else
    sed -i "/^\[daemon\]/a $1=$2" "$gdm_conf"
  fi
}

case "${1:-}" in
  --undo) undo ;;
  "") apply ;;
  *)
    echo "Cách dùng: sudo bash $0 [--undo]" >&2
    exit 2
    ;;
esac
