import { lazy } from 'react';

/** The network map, in its own chunk with ECharts and the world's shapes: loaded when first shown. */
export const LazyNetworkMap = lazy(() => import('./NetworkMap.tsx'));
export type { Network } from './network.ts';
export { pairCount } from './network.ts';
