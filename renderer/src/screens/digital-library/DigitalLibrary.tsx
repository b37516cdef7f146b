// The Thư viện số route: the browse screen, or the viewer of one resource at #/digital-library/r-<id>.
import { useSubRoute } from '../../router';
import { Browse } from './Browse';
import { Viewer } from './Viewer';
import '../../styles/digital-library.css';

export function DigitalLibrary() {
  const sub = useSubRoute();
  const match = /^r-(\d{1,12})$/.exec(sub);
  return match ? <Viewer key={match[1]} resourceId={Number(match[1])} /> : <Browse />;
}
