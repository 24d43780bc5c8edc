import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/client';
import { describeError } from '@/app/errors';

/** What a page shows instead of its data when loading it failed. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError && error.status === 404 ? '404' : error instanceof ApiError && error.status === 403 ? '403' : 'warning';
  return (
    <Result
      status={status}
      title={describeError(error, t)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
