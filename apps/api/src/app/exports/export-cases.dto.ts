import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { EXPORT_LANGUAGES, type ExportLanguage } from '@madoguchi/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { ListCasesQueryDto } from '../cases/cases.dto';

/**
 * The case list's period, outcome and the dashboard's filter bar (without paging: an export holds every matching case),
 * and the language of the headers.
 */
export class ExportCasesQueryDto extends PickType(ListCasesQueryDto, [
  'from',
  'to',
  'status',
  'procedure',
  'reason',
  'siteId',
  'staff',
  'paymentServiceId',
  'channel',
  'ageBand',
] as const) {
  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, default: 'ja', description: 'Language of the headers and labels.' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}
