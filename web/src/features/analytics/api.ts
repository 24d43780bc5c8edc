// Analytics (CL-4, RP-6): the segmentation of the customers in scope, and the payment-delay predictions
// with the model that made them. Training a model refreshes every ['delay-predictions'] query.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Schemas } from '@/api/client';
import type { paths } from '@/api/generated/schema';

export type Segmentation = Schemas['Segmentation'];
export type SegmentFeatures = Schemas['SegmentFeatures'];
export type SegmentTrait = Schemas['SegmentTrait'];
export type Feature = SegmentTrait['feature'];
export type DelayModel = Schemas['DelayModel'];
export type DelayPredictions =
  paths['/analytics/delay-predictions']['get']['responses'][200]['content']['application/json'];

export const FEATURES: Feature[] = [
  'purchases',
  'purchase_trend',
  'on_time_ratio',
  'collected_ratio',
  'days_past_due',
  'relationship_years',
  'invoices',
];

export function useSegments(k: number, seed: number) {
  return useQuery({
    queryKey: ['segments', k, seed],
    queryFn: () => data(api.GET('/analytics/segments', { params: { query: { k, seed } } })),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useDelayPredictions() {
  return useQuery({
    queryKey: ['delay-predictions'],
    queryFn: () => data(api.GET('/analytics/delay-predictions', { params: { query: {} } })),
  });
}

export function useTrainDelayModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => data(api.POST('/analytics/delay-model', { body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['delay-predictions'] }),
  });
}
