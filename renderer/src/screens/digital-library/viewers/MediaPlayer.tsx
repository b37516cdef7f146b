// Audio and video with the kiosk's own large controls (play/pause, back and forward 10 s, a wide
// progress bar) instead of the browser's small ones; tells the viewer when playback reached the end.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '0:00';
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function MediaPlayer({
  url,
  kind,
  coverUrl,
  onEnded,
  onError,
}: {
  url: string;
  kind: 'audio' | 'video';
  coverUrl: string | null;
  onEnded: () => void;
  onError: () => void;
}) {
  const { t } = useTranslation('eresources');
  const media = useRef<HTMLAudioElement & HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);

  useEffect(() => {
    const m = media.current;
    if (!m) return;
    const update = () => {
      setTime(m.currentTime);
      setDuration(m.duration);
      setPlaying(!m.paused);
    };
    const ended = () => {
      update();
      onEnded();
    };
    for (const e of ['timeupdate', 'durationchange', 'play', 'pause', 'loadedmetadata']) m.addEventListener(e, update);
    m.addEventListener('ended', ended);
    m.addEventListener('error', onError);
    return () => {
      for (const e of ['timeupdate', 'durationchange', 'play', 'pause', 'loadedmetadata']) m.removeEventListener(e, update);
      m.removeEventListener('ended', ended);
      m.removeEventListener('error', onError);
    };
  }, [onEnded, onError]);

  const toggle = () => {
    const m = media.current;
    if (!m) return;
    if (m.paused) void m.play().catch(() => undefined);
    else m.pause();
  };
  const skip = (delta: number) => {
    if (media.current) media.current.currentTime = Math.max(0, Math.min(duration || 0, media.current.currentTime + delta));
  };

  const Element = kind === 'video' ? 'video' : 'audio';
  return (
    <div className={`player player-${kind}`}>
      {kind === 'audio' && coverUrl && <img className="player-cover" src={coverUrl} alt="" />}
      <Element
        ref={media}
        src={url}
        preload="metadata"
        className="player-media"
        playsInline
        controlsList="nodownload"
        onContextMenu={(e) => e.preventDefault()}
      />
      <div className="player-controls">
        <button type="button" className="button secondary big" onClick={() => skip(-10)} aria-label={t('player.back10')}>
          ⟲ 10
        </button>
        <button type="button" className="button big play" onClick={toggle} aria-label={playing ? t('player.pause') : t('player.play')}>
          {playing ? t('player.pause') : t('player.play')}
        </button>
        <button type="button" className="button secondary big" onClick={() => skip(10)} aria-label={t('player.forward10')}>
          10 ⟳
        </button>
      </div>
      <input
        className="player-progress"
        type="range"
        min={0}
        max={duration || 0}
        step={0.5}
        value={time}
        aria-label={t('player.position')}
        aria-valuetext={`${clock(time)} / ${clock(duration)}`}
        onChange={(e) => media.current && (media.current.currentTime = Number(e.target.value))}
      />
      <p className="player-time" data-testid="player-time">
        {clock(time)} / {clock(duration)}
      </p>
    </div>
  );
}
