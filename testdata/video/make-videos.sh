#!/usr/bin/env bash
# Makes the video fixtures of the video-source tests. Needs the ffmpeg command-line tool (apt-get install ffmpeg);
# yolocam itself reads and writes video through JavaCV's bundled FFmpeg libraries, not through this tool.
#
# clip.mp4: the four 320x320 sample images of the embedded shapes model (../default/images/test_0000..0003.png),
#   each shown for three frames: 12 frames at 10 fps, H.264 (libx264, yuv420p) in MP4 with the index at the front
#   (faststart), so a truncated copy still opens and then breaks off.
# trimmed.mp4: clip.mp4 at 64x64, cut by stream copy from 0.35 s: the file keeps all 12 frames but an edit list
#   makes only 8 of them play (the header's frame count is 12), the case a reader must not take for truncation.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
clean=(-map_metadata -1 -fflags +bitexact)
ffmpeg -hide_banner -loglevel error -y -framerate 10/3 -start_number 0 -i "$here/../default/images/test_%04d.png" \
  -frames:v 12 -r 10 -c:v libx264 -preset medium -crf 32 -pix_fmt yuv420p -movflags +faststart \
  "${clean[@]}" -flags:v +bitexact "$here/clip.mp4"
small="$(mktemp --suffix=.mp4)"
trap 'rm -f "$small"' EXIT
ffmpeg -hide_banner -loglevel error -y -i "$here/clip.mp4" -vf scale=64:64 -c:v libx264 -crf 32 -pix_fmt yuv420p \
  "${clean[@]}" -flags:v +bitexact "$small"
ffmpeg -hide_banner -loglevel error -y -ss 0.35 -i "$small" -c copy -movflags +faststart "${clean[@]}" \
  "$here/trimmed.mp4"
