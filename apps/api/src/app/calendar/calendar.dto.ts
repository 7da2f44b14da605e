import { ApiProperty } from '@nestjs/swagger';
import { IsTokyoDate } from '../common/validators';

export class CalendarQueryDto {
  @ApiProperty({ example: '2020-07-01', description: 'First Asia/Tokyo day, inclusive.' })
  @IsTokyoDate()
  from!: string;

  @ApiProperty({ example: '2020-07-31', description: 'Last Asia/Tokyo day, inclusive; at most 400 days after from.' })
  @IsTokyoDate()
  to!: string;
}
