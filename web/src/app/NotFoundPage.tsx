import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('errors.page_not_found')}
      extra={<Button onClick={() => navigate('/')}>{t('nav.home')}</Button>}
    />
  );
}
